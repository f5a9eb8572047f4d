"""SQLModel tables and every SQL query. Functions take a Session and return core types
or plain values; nothing above this package writes SQL."""
