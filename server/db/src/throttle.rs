//! Throttling of guessing: sign-in, reset requests and e-mailed link lookups. Each failure
//! under a key (an account, a client address) is counted in the database, so all app servers
//! share the count. After a policy's free attempts every further attempt waits a delay that
//! doubles per failure up to the policy's cap, counted from the last failure; an hour without
//! failures forgets the key. The cap per account is short on purpose: an attacker can slow a
//! victim's sign-in down, never lock them out; the long caps are per client address.
use crate::entities::auth_throttle;
use crate::{DbResult, now};
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

/// How many failures are free and how long the wait may grow.
#[derive(Debug, Clone, Copy)]
pub struct Policy {
    pub name: &'static str,
    pub free_failures: i32,
    pub max_delay_secs: i64,
}

/// Wrong passwords for one account: after 5, wait 1 s, 2 s, ... at most a minute.
pub const LOGIN_ACCOUNT: Policy = Policy {
    name: "login:account",
    free_failures: 5,
    max_delay_secs: 60,
};
/// Wrong passwords from one client address, over any accounts: after 20, up to 15 minutes.
pub const LOGIN_ADDRESS: Policy = Policy {
    name: "login:address",
    free_failures: 20,
    max_delay_secs: 15 * 60,
};
/// Reset links asked for one account (each one is an e-mail): 3 an hour, then up to 15 min.
pub const RESET_ACCOUNT: Policy = Policy {
    name: "reset:account",
    free_failures: 3,
    max_delay_secs: 15 * 60,
};
/// Reset links asked from one client address.
pub const RESET_ADDRESS: Policy = Policy {
    name: "reset:address",
    free_failures: 10,
    max_delay_secs: 15 * 60,
};
/// Unknown, used or expired link secrets tried from one client address.
pub const LINK_ADDRESS: Policy = Policy {
    name: "link:address",
    free_failures: 10,
    max_delay_secs: 15 * 60,
};

/// A key is forgotten this long after its last failure.
pub const FORGET_AFTER: Duration = Duration::hours(1);

impl Policy {
    /// The counter's key for `subject` (an e-mail address in lower case, an IP address).
    pub fn key(&self, subject: &str) -> String {
        let subject: String = subject.trim().to_lowercase().chars().take(254).collect();
        format!("{}:{}", self.name, subject)
    }

    /// The wait after `failures` failures, before the next attempt.
    pub fn delay(&self, failures: i32) -> Duration {
        let over = failures - self.free_failures;
        if over < 0 {
            return Duration::zero();
        }
        let secs = 1i64
            .checked_shl(over.min(40) as u32)
            .unwrap_or(i64::MAX)
            .min(self.max_delay_secs);
        Duration::seconds(secs)
    }

    /// Seconds still to wait at `at` for a key with this record (0: go ahead).
    pub fn wait_secs(
        &self,
        failures: i32,
        last_failure_at: DateTime<Utc>,
        at: DateTime<Utc>,
    ) -> i64 {
        if at - last_failure_at >= FORGET_AFTER {
            return 0;
        }
        let ms = (last_failure_at + self.delay(failures) - at).num_milliseconds();
        if ms <= 0 { 0 } else { (ms + 999) / 1000 }
    }
}

/// Seconds to wait before an attempt under these keys (the longest of them); 0 to go ahead.
pub async fn wait_secs<C: ConnectionTrait>(db: &C, checks: &[(Policy, &str)]) -> DbResult<i64> {
    let keys: Vec<String> = checks.iter().map(|(p, s)| p.key(s)).collect();
    let rows = auth_throttle::Entity::find()
        .filter(auth_throttle::Column::Key.is_in(keys.clone()))
        .all(db)
        .await?;
    let at = now();
    Ok(rows
        .iter()
        .filter_map(|r| {
            let i = keys.iter().position(|k| *k == r.key)?;
            Some(checks[i].0.wait_secs(r.failures, r.last_failure_at, at))
        })
        .max()
        .unwrap_or(0))
}

/// Counts one failure under each key, in one statement per key (safe under concurrent
/// requests: the database adds, nobody reads then writes). A key idle for an hour restarts.
pub async fn fail<C: ConnectionTrait>(db: &C, checks: &[(Policy, &str)]) -> DbResult<()> {
    // Here only: its `min`/`add` would shadow the integer ones elsewhere in this module.
    use sea_orm::sea_query::ExprTrait;
    let at = now();
    for (policy, subject) in checks {
        let restart = Expr::col((auth_throttle::Entity, auth_throttle::Column::LastFailureAt))
            .lt(at - FORGET_AFTER);
        let counted = Expr::case(restart, Expr::val(1))
            .finally(Expr::col((auth_throttle::Entity, auth_throttle::Column::Failures)).add(1));
        auth_throttle::Entity::insert(auth_throttle::ActiveModel {
            key: Set(policy.key(subject)),
            failures: Set(1),
            last_failure_at: Set(at),
        })
        .on_conflict(
            OnConflict::column(auth_throttle::Column::Key)
                .value(auth_throttle::Column::Failures, counted)
                .value(auth_throttle::Column::LastFailureAt, Expr::val(at))
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    }
    Ok(())
}

/// Forgets the failures under these keys (a successful sign-in clears its account).
pub async fn clear<C: ConnectionTrait>(db: &C, checks: &[(Policy, &str)]) -> DbResult<()> {
    let keys: Vec<String> = checks.iter().map(|(p, s)| p.key(s)).collect();
    auth_throttle::Entity::delete_many()
        .filter(auth_throttle::Column::Key.is_in(keys))
        .exec(db)
        .await?;
    Ok(())
}

/// Deletes keys idle for longer than [`FORGET_AFTER`]; returns how many.
pub async fn purge<C: ConnectionTrait>(db: &C) -> DbResult<u64> {
    Ok(auth_throttle::Entity::delete_many()
        .filter(auth_throttle::Column::LastFailureAt.lt(now() - FORGET_AFTER))
        .exec(db)
        .await?
        .rows_affected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_free_attempts_cost_nothing_then_the_wait_doubles_up_to_the_cap() {
        let p = LOGIN_ACCOUNT;
        assert_eq!(p.delay(0), Duration::zero());
        assert_eq!(p.delay(4), Duration::zero());
        assert_eq!(p.delay(5), Duration::seconds(1));
        assert_eq!(p.delay(6), Duration::seconds(2));
        assert_eq!(p.delay(9), Duration::seconds(16));
        assert_eq!(p.delay(11), Duration::seconds(60));
        assert_eq!(p.delay(i32::MAX), Duration::seconds(60));
    }

    #[test]
    fn an_account_is_slowed_for_at_most_a_minute_never_locked() {
        let at = Utc::now();
        assert!(LOGIN_ACCOUNT.wait_secs(1_000_000, at, at) <= 60);
        assert_eq!(
            LOGIN_ACCOUNT.wait_secs(1_000_000, at - Duration::seconds(61), at),
            0
        );
    }

    #[test]
    fn the_wait_runs_from_the_last_failure_and_an_idle_hour_forgets() {
        let p = LOGIN_ADDRESS;
        let at = Utc::now();
        let failures = p.free_failures + 3; // 8 s
        assert_eq!(p.wait_secs(failures, at - Duration::seconds(3), at), 5);
        assert_eq!(p.wait_secs(failures, at - Duration::seconds(8), at), 0);
        assert_eq!(p.wait_secs(p.free_failures + 30, at - FORGET_AFTER, at), 0);
    }

    #[test]
    fn keys_name_the_policy_and_ignore_case_and_spaces() {
        assert_eq!(
            LOGIN_ACCOUNT.key(" Ann@Example.NL "),
            "login:account:ann@example.nl"
        );
        assert_ne!(LOGIN_ACCOUNT.key("x"), LOGIN_ADDRESS.key("x"));
        assert!(LOGIN_ACCOUNT.key(&"a".repeat(10_000)).len() < 300);
    }
}
