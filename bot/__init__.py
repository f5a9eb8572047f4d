"""The application: settings, PTB wiring (the composition root), handlers, Sender, CLI."""
