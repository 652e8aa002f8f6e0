//! Which peers are the site's own reverse proxies. Only their
//! `X-Forwarded-For` and `X-Request-Id` are believed: anyone else could pick
//! an address to escape a limit, or an id to confuse the log.

use std::net::IpAddr;

/// Addresses and CIDR ranges, as given to `--trusted-proxies`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<(IpAddr, u8)>);

impl TrustedProxies {
    /// `"10.0.0.0/8, 127.0.0.1, ::1"`; an empty string trusts nobody.
    pub fn parse(list: &str) -> Result<Self, String> {
        let ranges = list
            .split(',')
            .map(str::trim)
            .filter(|item| !item.is_empty())
            .map(|item| parse_range(item).ok_or_else(|| format!("not an address or CIDR range: {item}")))
            .collect::<Result<_, _>>()?;
        Ok(Self(ranges))
    }

    pub fn contains(&self, address: IpAddr) -> bool {
        self.0.iter().any(|&(network, bits)| in_range(address, network, bits))
    }

    /// The client behind the proxies: the right-most address of
    /// `X-Forwarded-For` that is not a trusted proxy, when the peer is one.
    pub fn client(&self, peer: IpAddr, forwarded_for: Option<&str>) -> IpAddr {
        if !self.contains(peer) {
            return peer;
        }
        let Some(chain) = forwarded_for else { return peer };
        let mut last = peer;
        for hop in chain.rsplit(',').map(str::trim) {
            match hop.parse::<IpAddr>() {
                Ok(address) if self.contains(address) => last = address,
                Ok(address) => return address,
                Err(_) => return last,
            }
        }
        last
    }
}

fn parse_range(item: &str) -> Option<(IpAddr, u8)> {
    let (address, bits) = match item.split_once('/') {
        Some((address, bits)) => (address.parse::<IpAddr>().ok()?, bits.parse::<u8>().ok()?),
        None => {
            let address = item.parse::<IpAddr>().ok()?;
            (address, if address.is_ipv4() { 32 } else { 128 })
        }
    };
    let max = if address.is_ipv4() { 32 } else { 128 };
    (bits <= max).then_some((address, bits))
}

fn in_range(address: IpAddr, network: IpAddr, bits: u8) -> bool {
    let prefix = |bytes: &[u8]| -> u128 {
        let value = bytes.iter().fold(0_u128, |acc, b| (acc << 8) | u128::from(*b));
        let width = u32::try_from(bytes.len() * 8).unwrap_or(128);
        let keep = u32::from(bits).min(width);
        if keep == 0 { 0 } else { value >> (width - keep) }
    };
    match (address, network) {
        (IpAddr::V4(a), IpAddr::V4(n)) => prefix(&a.octets()) == prefix(&n.octets()),
        (IpAddr::V6(a), IpAddr::V6(n)) => prefix(&a.octets()) == prefix(&n.octets()),
        (IpAddr::V6(a), IpAddr::V4(_)) => {
            a.to_ipv4_mapped().is_some_and(|a| in_range(IpAddr::V4(a), network, bits))
        }
        (IpAddr::V4(_), IpAddr::V6(_)) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn ranges_hold_what_their_prefix_says() {
        let trusted = TrustedProxies::parse("10.0.0.0/8, 192.168.1.7, fd00::/8").unwrap();
        assert!(trusted.contains(ip("10.200.3.4")) && trusted.contains(ip("192.168.1.7")));
        assert!(!trusted.contains(ip("11.0.0.1")) && !trusted.contains(ip("192.168.1.8")));
        assert!(trusted.contains(ip("fd12::1")) && !trusted.contains(ip("fe80::1")));
        assert!(trusted.contains(ip("::ffff:10.1.2.3")), "IPv4 seen through IPv6");
        assert!(TrustedProxies::parse("").unwrap().0.is_empty());
        assert!(TrustedProxies::parse("10.0.0.0/33").is_err() && TrustedProxies::parse("proxy").is_err());
    }

    #[test]
    fn forwarded_for_is_believed_only_from_a_trusted_proxy() {
        let trusted = TrustedProxies::parse("10.0.0.1, 10.0.0.2").unwrap();
        let citizen = ip("203.0.113.9");
        assert_eq!(trusted.client(ip("10.0.0.1"), Some("203.0.113.9")), citizen);
        assert_eq!(
            trusted.client(ip("10.0.0.1"), Some("1.2.3.4, 203.0.113.9, 10.0.0.2")),
            citizen,
            "the right-most untrusted hop; what the client wrote before it is not believed"
        );
        assert_eq!(trusted.client(ip("198.51.100.1"), Some("203.0.113.9")), ip("198.51.100.1"));
        assert_eq!(trusted.client(ip("10.0.0.1"), None), ip("10.0.0.1"));
        assert_eq!(trusted.client(ip("10.0.0.1"), Some("garbage")), ip("10.0.0.1"));
    }
}
