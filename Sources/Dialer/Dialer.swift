// Dialer
