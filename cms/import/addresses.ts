import { BlockList, isIP } from 'node:net'

/**
 * Every range an import must never reach: the host itself, the local networks, and what IANA reserves
 * (RFC 6890 and its updates). A public calendar lives at none of them.
 */
const RESERVED_V4: [string, number][] = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // RFC 1918
  ['100.64.0.0', 10], // CGNAT, RFC 6598
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (cloud metadata lives here)
  ['172.16.0.0', 12], // RFC 1918
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // TEST-NET-1
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16], // RFC 1918
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // TEST-NET-2
  ['203.0.113.0', 24], // TEST-NET-3
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and 255.255.255.255
]

const RESERVED_V6: [string, number][] = [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['::', 96], // IPv4-compatible (deprecated)
  ['64:ff9b::', 96], // NAT64: would reach an IPv4 address chosen by the name's owner
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard
  ['2001::', 23], // IETF protocol assignments (Teredo, ORCHID…)
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4: embeds an IPv4 address
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
]

const reserved = new BlockList()
for (const [address, prefix] of RESERVED_V4) reserved.addSubnet(address, prefix, 'ipv4')
for (const [address, prefix] of RESERVED_V6) reserved.addSubnet(address, prefix, 'ipv6')

const loopback = new BlockList()
loopback.addSubnet('127.0.0.0', 8, 'ipv4')
loopback.addAddress('::1', 'ipv6')

/** The IPv4 address inside an IPv4-mapped IPv6 one (`::ffff:10.0.0.1`, `::ffff:a00:1`), else null. */
export const mappedIPv4 = (address: string): string | null => {
  const lower = address.toLowerCase()
  const dotted = /^(?:0{0,4}:){0,5}ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower.replace(/^::/, '0:0:0:0:0:'))
  if (dotted?.[1] && isIP(dotted[1]) === 4) return dotted[1]
  const hex = /^(?:0{0,4}:){0,5}ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower.replace(/^::/, '0:0:0:0:0:'))
  if (!hex?.[1] || !hex[2]) return null
  const hi = Number.parseInt(hex[1], 16)
  const lo = Number.parseInt(hex[2], 16)
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.')
}

/** Strips the brackets of an IPv6 literal and a zone id (`fe80::1%eth0` is still link-local). */
const bare = (address: string) => address.replace(/^\[|\]$/g, '').replace(/%.*$/, '')

export type AddressVerdict = { ok: true } | { ok: false; address: string }

/**
 * Whether an import may connect to `address` (an IP literal): only public unicast addresses; loopback too when
 * `allowLoopback` (tests). IPv4-mapped IPv6 addresses are judged as the IPv4 address they carry.
 */
export const isPublicAddress = (input: string, allowLoopback = false): boolean => {
  const address = bare(input)
  const family = isIP(address)
  if (family === 0) return false
  const v4 = family === 6 ? mappedIPv4(address) : address
  if (v4 && isIP(v4) === 4) {
    if (allowLoopback && loopback.check(v4, 'ipv4')) return true
    return !reserved.check(v4, 'ipv4')
  }
  if (allowLoopback && loopback.check(address, 'ipv6')) return true
  return !reserved.check(address, 'ipv6')
}
