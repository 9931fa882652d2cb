//! The loading and error frame around a part of a page that waits for a server function.
use crate::error::AppError;
// The error page is the one thing `ui` takes from `layout`: what an error looks like is the
// frame's business, waiting for data is every page's.
use crate::layout::ErrorPage;
use leptos::prelude::*;
use std::sync::Arc;

/// Waits for `resource` and renders `children` with its value, or the error page (404, 403 or
/// the generic one, with its HTTP status) for its error.
///
/// It is exactly a `<Suspense>` around a `Suspend` and adds no element of its own, so the
/// server's HTML and the browser's hydration see the same tree as the hand-written form.
/// `children` runs inside the `Suspend`: signals it reads re-render the part, as before.
///
/// ```ignore
/// <Loaded resource=data let:profile>
///     <ProfileForm p=profile save=save/>
/// </Loaded>
/// ```
#[component]
pub fn Loaded<T, F, V>(
    /// The data the part waits for.
    resource: Resource<Result<T, AppError>>,
    /// Shown while the data loads: nothing unless given.
    #[prop(optional, into)]
    fallback: ViewFnOnce,
    /// The view of the loaded value; runs again each time the resource loads again.
    children: F,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    F: Fn(T) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let children = Arc::new(children);
    view! {
        <Suspense fallback=fallback>
            {move || {
                let children = children.clone();
                Suspend::new(async move {
                    match resource.await {
                        Ok(value) => children(value).into_any(),
                        Err(error) => view! { <ErrorPage error=error/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}
