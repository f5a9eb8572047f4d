"""Pure domain logic: no I/O, no clock reads, no telegram/sqlmodel/httpx imports."""
