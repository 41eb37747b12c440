'use client'
import { useRouter } from 'next/navigation'
import { useEffect } from 'react'

/** While a programme is being prepared, the page asks again every few seconds (the "Aggiorna" link does it by hand). */
export const AutoRefresh = ({ seconds }: { seconds: number }) => {
  const router = useRouter()
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), seconds * 1000)
    return () => clearInterval(timer)
  }, [router, seconds])
  return null
}
