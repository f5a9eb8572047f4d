"""Command handlers, thin in PTB's shape: parse input, call storage/core, reply."""
