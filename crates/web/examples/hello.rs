//! The ceiling for the HTTP benchmarks: a bare axum handler on the same
//! runtime settings as `ruamjai serve`. `scripts/bench-http` runs both.
//! Given a file as a second argument, it also serves that file's bytes
//! from memory at `/file`: the ceiling for a body of that size (a PDF of
//! hundreds of kilobytes is bound by copying its bytes, not by the handler).

use axum::Router;
use axum::body::Bytes;
use axum::routing::get;

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let addr = args.next().unwrap_or_else(|| "127.0.0.1:18081".into());
    let file =
        Bytes::from(args.next().map(|path| std::fs::read(path).expect("read the file")).unwrap_or_default());
    let app = Router::new()
        .route("/", get(|| async { "Hello, World!" }))
        .route("/file", get(move || async move { file }));
    let listener = tokio::net::TcpListener::bind(&addr).await.expect("bind");
    axum::serve(listener, app).await.expect("serve");
}
