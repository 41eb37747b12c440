import { afterEach, describe, expect, it } from 'vitest'
import { autorunQueues } from '../../cms/jobs/index'

afterEach(() => {
  delete process.env.JOBS_QUEUES
})

describe('which job queues a process runs (the CMS and the newsletter worker split them)', () => {
  it('runs every queue unless told otherwise', () => {
    expect(autorunQueues()).toEqual(['default', 'mail', 'newsletter'])
  })

  it('the CMS runs default and mail, the worker only newsletter; unknown names are ignored', () => {
    process.env.JOBS_QUEUES = 'default, mail'
    expect(autorunQueues()).toEqual(['default', 'mail'])
    process.env.JOBS_QUEUES = 'newsletter,bogus'
    expect(autorunQueues()).toEqual(['newsletter'])
  })
})
