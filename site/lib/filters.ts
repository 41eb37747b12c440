// The agenda's query language is shared with the admin (the newsletter picker reads agenda addresses).
export * from '../../collections/filters/parse'
