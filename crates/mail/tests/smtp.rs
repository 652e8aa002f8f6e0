//! The sender against a real SMTP conversation on a local socket.

use std::sync::{Arc, Mutex};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use ruamjai_domain::accounts::Email;
use ruamjai_domain::mail::{NewMail, Purpose};
use ruamjai_mail::{Round, Sender, SmtpSettings};
use ruamjai_store::testing::TestDatabase;
use time::OffsetDateTime;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

/// What a relay received: the envelope recipient and the raw message.
type Received = Arc<Mutex<Vec<(String, String)>>>;

/// A minimal SMTP relay that accepts every message.
async fn relay() -> (u16, Received) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let received: Received = Arc::default();
    let store = received.clone();
    tokio::spawn(async move {
        loop {
            let (socket, _) = listener.accept().await.unwrap();
            let store = store.clone();
            tokio::spawn(async move {
                let (read, mut write) = socket.into_split();
                let mut lines = BufReader::new(read).lines();
                write.write_all(b"220 relay.test ESMTP\r\n").await.unwrap();
                let (mut rcpt, mut data, mut in_data) = (String::new(), String::new(), false);
                while let Ok(Some(line)) = lines.next_line().await {
                    if in_data {
                        if line == "." {
                            in_data = false;
                            store.lock().unwrap().push((rcpt.clone(), std::mem::take(&mut data)));
                            write.write_all(b"250 queued\r\n").await.unwrap();
                        } else {
                            data.push_str(&line);
                            data.push('\n');
                        }
                        continue;
                    }
                    let reply: &[u8] = match line.get(..4).unwrap_or_default().to_ascii_uppercase().as_str() {
                        "EHLO" | "HELO" => b"250 relay.test\r\n",
                        "RCPT" => {
                            rcpt = line.clone();
                            b"250 ok\r\n"
                        }
                        "DATA" => {
                            in_data = true;
                            b"354 go ahead\r\n"
                        }
                        "QUIT" => {
                            let _ = write.write_all(b"221 bye\r\n").await;
                            break;
                        }
                        _ => b"250 ok\r\n",
                    };
                    write.write_all(reply).await.unwrap();
                }
            });
        }
    });
    (port, received)
}

fn settings(port: u16) -> SmtpSettings {
    SmtpSettings {
        host: "127.0.0.1".into(),
        port,
        credentials: None,
        from: "ศูนย์เทคโนโลยีสารสนเทศและการสื่อสาร <noreply@example.go.th>".into(),
    }
}

fn acknowledgement() -> NewMail {
    NewMail {
        to: Email::parse("citizen@example.com").unwrap(),
        subject: "ได้รับเรื่อง RJ-2570-000001 แล้ว".into(),
        body: "ติดตามเรื่องได้ที่ https://example.go.th/track?code=RJ-2570-000001&t=secret\n".into(),
        purpose: Purpose::Acknowledgement,
    }
}

#[tokio::test]
async fn queued_mail_reaches_the_relay_with_thai_intact_and_is_marked_sent() {
    let db = TestDatabase::sqlite().await;
    let store = db.open().await;
    store.queue_mail(&acknowledgement(), OffsetDateTime::now_utc()).await.unwrap();
    let (port, received) = relay().await;

    let round = Sender::new(store.clone(), &settings(port)).unwrap().send_due().await.unwrap();
    assert_eq!(round, Round { sent: 1, failed: 0 });

    let received = received.lock().unwrap().clone();
    assert_eq!(received.len(), 1);
    let (rcpt, message) = &received[0];
    assert!(rcpt.contains("<citizen@example.com>"), "{rcpt}");
    let body = message.split("\n\n").nth(1).unwrap().replace('\n', "");
    let decoded = String::from_utf8(STANDARD.decode(body).unwrap()).unwrap();
    assert!(decoded.contains("ติดตามเรื่องได้ที่"), "{decoded}");
    assert!(message.contains("Subject: =?utf-8?b?"), "the Thai subject is encoded: {message}");

    let outbox = store.outbox(10).await.unwrap();
    assert!(outbox[0].sent_at.is_some() && outbox[0].body.is_none());
}

#[tokio::test]
async fn an_unreachable_relay_keeps_the_mail_for_a_later_attempt() {
    let db = TestDatabase::sqlite().await;
    let store = db.open().await;
    store.queue_mail(&acknowledgement(), OffsetDateTime::now_utc()).await.unwrap();
    let closed = TcpListener::bind("127.0.0.1:0").await.unwrap().local_addr().unwrap().port();

    let round = Sender::new(store.clone(), &settings(closed)).unwrap().send_due().await.unwrap();
    assert_eq!(round, Round { sent: 0, failed: 1 });
    let entry = &store.outbox(10).await.unwrap()[0];
    assert_eq!(entry.attempts, 1);
    assert!(entry.sent_at.is_none() && entry.body.is_some() && entry.last_error.is_some());
    assert_eq!(store.mail_waiting().await.unwrap(), 1, "still waiting, for a later round");
}

#[test]
fn a_malformed_sender_address_is_refused_at_start() {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    runtime.block_on(async {
        let db = TestDatabase::sqlite().await;
        let bad = SmtpSettings { from: "not an address".into(), ..settings(25) };
        assert!(Sender::new(db.open().await, &bad).is_err());
    });
}
