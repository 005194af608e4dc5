//! A small static file server for `cargo xtask serve`: serves dist/ (the pages, the playground
//! in dist/playground/ and the widget in dist/embed/) on 127.0.0.1 only. A folder's address
//! (`/ret/`) gets its index.html.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};

/// Serves `root` on `address` until the process is stopped.
pub fn serve(root: &Path, address: &str) -> crate::exec::Result {
    let listener =
        TcpListener::bind(address).map_err(|err| format!("cannot listen on {address}: {err}"))?;
    eprintln!(
        "\nserving {} on http://{address}/ (Ctrl-C stops)",
        root.display()
    );
    eprintln!("  site:       http://{address}/");
    eprintln!("  playground: http://{address}/playground/");
    eprintln!("  widget:     http://{address}/embed/demo/gemeente.html");
    for stream in listener.incoming().flatten() {
        let root = root.to_path_buf();
        std::thread::spawn(move || {
            let _ = respond(stream, &root);
        });
    }
    Ok(())
}

fn respond(mut stream: TcpStream, root: &Path) -> std::io::Result<()> {
    let mut line = String::new();
    BufReader::new(&stream).read_line(&mut line)?;
    let target = line.split_whitespace().nth(1).unwrap_or("/");
    let (status, kind, body) = match file_for(root, target) {
        Some(path) => match std::fs::read(&path) {
            Ok(body) => ("200 OK", content_type(&path), body),
            Err(_) => (
                "404 Not Found",
                "text/plain; charset=utf-8",
                b"not found".to_vec(),
            ),
        },
        None => (
            "404 Not Found",
            "text/plain; charset=utf-8",
            b"not found".to_vec(),
        ),
    };
    write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    stream.write_all(&body)
}

/// The file for a request target: query and fragment dropped, `..` refused, a folder means its
/// index.html.
fn file_for(root: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let relative = Path::new(path.trim_start_matches('/'));
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let mut file = root.join(relative);
    if file.is_dir() {
        file = file.join("index.html");
    }
    file.is_file().then_some(file)
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_stay_inside_the_root() {
        let root = std::env::temp_dir().join(format!("xtask-serve-{}", std::process::id()));
        std::fs::create_dir_all(root.join("playground")).unwrap();
        std::fs::write(root.join("index.html"), "site").unwrap();
        std::fs::write(root.join("playground/index.html"), "pg").unwrap();
        assert_eq!(file_for(&root, "/"), Some(root.join("index.html")));
        assert_eq!(
            file_for(&root, "/?advisor=ret"),
            Some(root.join("index.html"))
        );
        assert_eq!(
            file_for(&root, "/playground/"),
            Some(root.join("playground/index.html"))
        );
        assert_eq!(file_for(&root, "/../etc/passwd"), None);
        assert_eq!(file_for(&root, "/nothing.js"), None);
        std::fs::remove_dir_all(&root).unwrap();
    }
}
