//! Sliding-window rate limits kept in memory, and the client address behind trusted proxies.
use crate::error::ApiError;
use std::collections::{HashMap, VecDeque};
use std::net::{IpAddr, SocketAddr};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Keys kept at most; beyond that, new keys are refused until old ones expire, so memory and
/// the cost of a check stay bounded whatever keys an attacker invents.
const MAX_KEYS: usize = 50_000;

/// At most `max` attempts per `window` for each key.
pub struct Limiter {
    max: usize,
    window: Duration,
    hits: Mutex<HashMap<String, VecDeque<Instant>>>,
}

impl Limiter {
    pub fn new(max: usize, window: Duration) -> Limiter {
        Limiter {
            max,
            window,
            hits: Mutex::new(HashMap::new()),
        }
    }

    /// Counts an attempt; `Err(seconds)` says how long to wait when over the limit.
    pub fn check(&self, key: &str) -> Result<(), u64> {
        self.count(key, true)
    }

    /// Whether `key` is over the limit, without counting anything: `Err(seconds)` to wait.
    pub fn peek(&self, key: &str) -> Result<(), u64> {
        self.count(key, false)
    }

    /// Counts an event (a failure) without refusing it; the next `peek` sees it.
    pub fn record(&self, key: &str) {
        let _ = self.check(key);
    }

    fn count(&self, key: &str, record: bool) -> Result<(), u64> {
        let now = Instant::now();
        let mut hits = self.hits.lock().unwrap_or_else(|e| e.into_inner());
        if !record && !hits.contains_key(key) {
            return Ok(());
        }
        if hits.len() >= MAX_KEYS && !hits.contains_key(key) {
            // Forget expired keys; if it is still full, refuse rather than grow.
            let window = self.window;
            hits.retain(|_, q| q.back().is_some_and(|t| now.duration_since(*t) < window));
            if hits.len() >= MAX_KEYS {
                return Err(self.window.as_secs().max(1));
            }
        }
        let q = hits.entry(key.to_string()).or_default();
        while q
            .front()
            .is_some_and(|t| now.duration_since(*t) >= self.window)
        {
            q.pop_front();
        }
        if q.len() >= self.max {
            let oldest = q.front().copied().unwrap_or(now);
            let wait = self.window.saturating_sub(now.duration_since(oldest));
            return Err(wait.as_secs().max(1));
        }
        if record {
            q.push_back(now);
        }
        Ok(())
    }

    /// Counts an attempt as the API answers it: over the limit is a 429 that says how long
    /// to wait.
    pub fn admit(&self, key: &str) -> Result<(), ApiError> {
        self.check(key).map_err(ApiError::RateLimited)
    }
}

/// Budgets of failed access-code checks (the status check and tied survey answers share
/// them), survey answers per address, and the proxies whose `X-Forwarded-For` is believed.
///
/// The arithmetic behind the defaults: a code has 50 random bits, so one request takes 2^49
/// guesses on average. 30 failures per address per 15 minutes is 2 880 a day: one address
/// needs ~2·10^11 days, and 100 000 addresses together still ~5 000 years. That, not the
/// per-number budget, is the defence; the per-number budget only slows wrong guesses on one
/// number (spread over many addresses) and never refuses the right code, so nobody can lock a
/// citizen out of their own request.
pub struct StatusLimits {
    /// Failed code checks per client address: past it, the address waits.
    pub per_ip: Limiter,
    /// Failed code checks per registry number: past it, wrong guesses are slowed.
    pub per_number: Limiter,
    /// Survey answers per client address (stuffing the published figures).
    pub feedback_per_ip: Limiter,
    pub trusted_proxies: Vec<IpAddr>,
}

impl StatusLimits {
    pub fn new(
        per_ip: usize,
        per_number: usize,
        window: Duration,
        trusted_proxies: Vec<IpAddr>,
    ) -> StatusLimits {
        StatusLimits {
            per_ip: Limiter::new(per_ip, window),
            per_number: Limiter::new(per_number, window),
            feedback_per_ip: Limiter::new(per_ip, window),
            trusted_proxies,
        }
    }

    /// Before an access code is checked: an address with too many failures waits (429).
    pub fn admit_code_check(&self, client_key: &str) -> Result<(), ApiError> {
        self.per_ip.peek(client_key).map_err(ApiError::RateLimited)
    }

    /// After a wrong code or an unknown number: counts the failure against the address and
    /// the number, and says how long to hold the answer — wrong guesses on a number past its
    /// budget are slowed, never refused.
    pub fn failed_code_check(&self, client_key: &str, number: &str) -> Duration {
        self.per_ip.record(client_key);
        // Past the budget, the failure is not counted again: the number stays slowed until
        // its oldest failures leave the window.
        if self.per_number.check(number).is_err() {
            SLOWED_ANSWER
        } else {
            Duration::ZERO
        }
    }
}

/// How long a wrong guess on a number past its budget is held.
pub const SLOWED_ANSWER: Duration = Duration::from_secs(1);

pub const DEFAULT_STATUS_LIMIT_PER_IP: usize = 30;
pub const DEFAULT_STATUS_LIMIT_PER_NUMBER: usize = 10;
pub const DEFAULT_STATUS_LIMIT_WINDOW: Duration = Duration::from_secs(15 * 60);

/// A hop of `X-Forwarded-For`: an address, possibly with a port (`1.2.3.4:5678`, `[::1]:80`).
fn parse_hop(hop: &str) -> Option<IpAddr> {
    let hop = hop.trim();
    if let Ok(ip) = hop.parse::<IpAddr>() {
        return Some(ip);
    }
    if let Ok(sa) = hop.parse::<SocketAddr>() {
        return Some(sa.ip());
    }
    hop.strip_prefix('[')
        .and_then(|h| h.split(']').next())
        .and_then(|h| h.parse().ok())
}

/// The client's address: the peer, or — only when the peer is a trusted proxy — the nearest
/// address in `X-Forwarded-For` (all of its header lines) that is not itself a trusted proxy.
pub fn client_ip(peer: SocketAddr, headers: &axum::http::HeaderMap, trusted: &[IpAddr]) -> IpAddr {
    let peer_ip = peer.ip();
    if !trusted.contains(&peer_ip) {
        return peer_ip;
    }
    let joined: Vec<String> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok().map(str::to_string))
        .collect();
    let joined = joined.join(",");
    for hop in joined.split(',').rev().filter(|h| !h.trim().is_empty()) {
        match parse_hop(hop) {
            Some(ip) if trusted.contains(&ip) => continue,
            Some(ip) => return ip,
            // Our own proxy wrote the hops to the right; anything unreadable is not a client.
            None => break,
        }
    }
    peer_ip
}

/// The rate-limit key of an address: IPv6 clients count per /64, since one host usually
/// holds a whole /64.
pub fn client_key(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limit_counts_per_key_and_says_how_long_to_wait() {
        let l = Limiter::new(2, Duration::from_secs(60));
        assert!(l.check("a").is_ok());
        assert!(l.check("a").is_ok());
        let wait = l.check("a").unwrap_err();
        assert!((1..=60).contains(&wait));
        assert!(l.check("b").is_ok(), "another key has its own count");
    }

    fn xff(values: &[&str]) -> axum::http::HeaderMap {
        let mut h = axum::http::HeaderMap::new();
        for v in values {
            h.append("x-forwarded-for", v.parse().unwrap());
        }
        h
    }

    #[test]
    fn forwarded_for_is_believed_only_from_a_trusted_proxy() {
        let proxy: IpAddr = "10.0.0.1".parse().unwrap();
        let peer = SocketAddr::new(proxy, 5000);
        let stranger = SocketAddr::new("203.0.113.9".parse().unwrap(), 5000);
        let client: IpAddr = "198.51.100.7".parse().unwrap();
        assert_eq!(client_ip(peer, &xff(&["198.51.100.7"]), &[proxy]), client);
        assert_eq!(
            client_ip(peer, &xff(&["1.1.1.1, 198.51.100.7, 10.0.0.1"]), &[proxy]),
            client
        );
        assert_eq!(
            client_ip(peer, &xff(&["1.1.1.1", "198.51.100.7:4711"]), &[proxy]),
            client,
            "all lines, ports stripped"
        );
        assert_eq!(
            client_ip(stranger, &xff(&["198.51.100.7"]), &[proxy]),
            stranger.ip(),
            "spoofed header ignored"
        );
        assert_eq!(client_ip(peer, &xff(&["not-an-ip"]), &[proxy]), proxy);
        assert_eq!(client_ip(peer, &xff(&[]), &[proxy]), proxy);
    }

    #[test]
    fn ipv6_clients_count_per_64_and_the_map_stays_bounded() {
        let a: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:bbbb::9".parse().unwrap();
        assert_eq!(client_key(a), client_key(b));
        assert_ne!(
            client_key(a),
            client_key("2001:db8:1:3::1".parse().unwrap())
        );
        let l = Limiter::new(5, Duration::from_secs(60));
        for i in 0..MAX_KEYS {
            assert!(l.check(&i.to_string()).is_ok());
        }
        assert!(l.check("one-more").is_err(), "a full map refuses new keys");
        assert!(l.check("1").is_ok(), "known keys still count");
    }
}
