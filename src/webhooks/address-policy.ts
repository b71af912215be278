import ipaddr from 'ipaddr.js';

/**
 * Where webhooks may go (SSRF defence). Pure functions: the HTTP client applies them to the URL
 * at creation and to every resolved address at delivery, so DNS cannot slip a private address in.
 */

/** The only address ranges a webhook may reach without the allow-list: public unicast. */
const PUBLIC_RANGE = 'unicast';
export const URL_MAX_LENGTH = 2000;

export interface AddressPolicy {
  allowHttp: boolean;
  /** Host names, IP addresses or CIDRs that may be reached even though private (lower-case). */
  allowedHosts: readonly string[];
}

export class WebhookUrlError extends Error {}

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** An IPv4-mapped IPv6 address (::ffff:10.0.0.1) is judged as the IPv4 address it carries. */
function normalise(address: Address): Address {
  return address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()
    ? (address as ipaddr.IPv6).toIPv4Address()
    : address;
}

function parseAddress(text: string): Address | null {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  // isValid accepts shorthand forms like "10.1" (as inet_aton does); WHATWG URLs already expand those.
  return ipaddr.isValid(bare) ? normalise(ipaddr.parse(bare)) : null;
}

function inAllowList(host: string, address: Address | null, policy: AddressPolicy): boolean {
  for (const entry of policy.allowedHosts) {
    if (entry === host) return true;
    if (!address) continue;
    if (entry.includes('/')) {
      if (!ipaddr.isValidCIDR(entry)) continue;
      const [network, bits] = ipaddr.parseCIDR(entry);
      const net = normalise(network);
      if (net.kind() === address.kind() && address.match(net, net.kind() === network.kind() ? bits : bits - 96))
        return true;
    } else {
      const allowed = parseAddress(entry);
      if (allowed && allowed.kind() === address.kind() && allowed.toNormalizedString() === address.toNormalizedString())
        return true;
    }
  }
  return false;
}

/** Why an address may not be reached, or null when it may. */
export function refusedAddress(host: string, addressText: string, policy: AddressPolicy): string | null {
  const address = parseAddress(addressText);
  if (!address) return `${addressText} is not an IP address`;
  if (inAllowList(host, address, policy)) return null;
  const range = address.range();
  return range === PUBLIC_RANGE
    ? null
    : `${host} resolves to ${address.toString()} (${range}), which webhooks may not reach`;
}

/**
 * Parses a webhook URL strictly: http(s) only (http when allowed), no credentials, a host, and
 * no IP literal outside public unicast. Host names are checked again after resolution.
 */
export function parseWebhookUrl(text: string, policy: AddressPolicy): URL {
  if (typeof text !== 'string' || !text || text.length > URL_MAX_LENGTH || /[\s\u0000-\u001f\u007f]/.test(text)) {
    throw new WebhookUrlError(`url must be an absolute https URL of at most ${URL_MAX_LENGTH} characters`);
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new WebhookUrlError('url must be an absolute https URL');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && policy.allowHttp)) {
    throw new WebhookUrlError(policy.allowHttp ? 'url must use https or http' : 'url must use https');
  }
  if (url.username || url.password) throw new WebhookUrlError('url must not carry a user name or password');
  if (!url.hostname) throw new WebhookUrlError('url must name a host');
  if (url.hash) throw new WebhookUrlError('url must not have a #fragment');
  const host = hostOf(url);
  if (parseAddress(host)) {
    const reason = refusedAddress(host, host, policy);
    if (reason) throw new WebhookUrlError(`url is refused: ${reason}`);
  } else if (!/^[a-z0-9.-]+$/.test(host) || host.split('.').some((label) => !label || label.length > 63)) {
    throw new WebhookUrlError('url host must be a valid DNS name or IP address');
  }
  return url;
}

/** The URL's host, lower-case, without IPv6 brackets or a trailing dot. */
export function hostOf(url: URL): string {
  const h = url.hostname.toLowerCase().replace(/\.$/, '');
  return h.startsWith('[') && h.endsWith(']') ? h.slice(1, -1) : h;
}

/** True when the host (by name) is on the allow-list; its addresses are then not checked. */
export function hostAllowedByName(host: string, policy: AddressPolicy): boolean {
  return policy.allowedHosts.includes(host);
}
