//! Free-text search terms turned into one `LIKE` pattern. What a user types is matched
//! literally: `%`, `_` and the escape character itself are escaped, so "50%" finds "50%" and
//! not everything, and a term is cut at [`MAX_TERM`] characters so a pasted essay cannot make
//! every row scan a long pattern.
use sea_orm::sea_query::LikeExpr;

/// The longest search term used, in characters; the rest is ignored.
pub const MAX_TERM: usize = 100;

const ESCAPE: char = '\\';

/// `%term%` (lower-cased, escaped) for a term with something in it, else `None`.
pub fn contains(term: Option<&str>) -> Option<LikeExpr> {
    let term = term.map(str::trim).filter(|t| !t.is_empty())?;
    let mut pattern = String::with_capacity(term.len() + 2);
    pattern.push('%');
    for c in term.chars().take(MAX_TERM).flat_map(char::to_lowercase) {
        if matches!(c, '%' | '_' | ESCAPE) {
            pattern.push(ESCAPE);
        }
        pattern.push(c);
    }
    pattern.push('%');
    Some(LikeExpr::new(pattern).escape(ESCAPE))
}

#[cfg(test)]
mod tests {
    use super::*;
    use sea_orm::sea_query::{Expr, ExprTrait, PostgresQueryBuilder, Query, SqliteQueryBuilder};

    fn sql(term: &str) -> String {
        Query::select()
            .expr(Expr::val(1))
            .and_where(Expr::col("name").like(contains(Some(term)).expect("a term")))
            .to_string(SqliteQueryBuilder)
    }

    #[test]
    fn wildcards_typed_by_a_user_match_themselves() {
        assert!(
            sql("50%_x").contains(r"'%50\%\_x%' ESCAPE '\'"),
            "{}",
            sql("50%_x")
        );
        assert!(sql(r"a\b").contains(r"'%a\\b%'"), "{}", sql(r"a\b"));
    }

    #[test]
    fn terms_are_trimmed_lower_cased_and_capped() {
        assert!(contains(Some("   ")).is_none());
        assert!(contains(None).is_none());
        assert!(sql("  Bakkerij ").contains("'%bakkerij%'"));
        let long = "x".repeat(MAX_TERM * 10);
        let q = sql(&long);
        assert!(
            q.contains(&format!("'%{}%'", "x".repeat(MAX_TERM))),
            "capped"
        );
        assert!(!q.contains(&"x".repeat(MAX_TERM + 1)));
        let pg = Query::select()
            .expr(Expr::val(1))
            .and_where(Expr::col("name").like(contains(Some("a_b")).expect("a term")))
            .to_string(PostgresQueryBuilder);
        assert!(pg.contains(r"ESCAPE"), "{pg}");
    }
}
