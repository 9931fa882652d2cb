//! Building blocks every page uses: form fields with their errors, the error summary,
//! the loading and error frame around server data, pagination, breadcrumbs and date formatting.
mod format;
mod forms;
mod loaded;
mod page;
mod pagination;
mod route;

pub use format::{format_date, format_datetime, format_day, format_score};
pub use forms::{ErrorSummary, FormNotice, SelectField, TextAreaField, TextField, action_errors};
pub use loaded::Loaded;
pub use page::{Breadcrumbs, Crumb, PageTitle};
pub use pagination::Pagination;
pub use route::{load_by_id, route_param};
