/** Payload answers an /api path it does not serve with 501 "Route not found": to a client that is a 404. */
export const UNKNOWN_ROUTE_MESSAGE = 'Questo indirizzo dell’API non esiste.'

export const answerUnknownRoute = (response: Response): Response => {
  if (response.status !== 501) return response
  const headers = new Headers(response.headers)
  headers.delete('content-length')
  headers.set('content-type', 'application/json')
  return new Response(JSON.stringify({ errors: [{ message: UNKNOWN_ROUTE_MESSAGE }] }), { status: 404, headers })
}
