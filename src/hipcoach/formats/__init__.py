"""Documents hipcoach writes (JSON, Markdown, HTML, iCalendar), shared by every adapter."""
