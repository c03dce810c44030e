"""What every face of Dateline (the CLI, the HTTP API, the web UI, the feed watcher) asks of it:
read functions over the store (``queries``), the writing commands (``commands``) and the export
formats (``exports``). The faces only parse their input and present what these return; a
function here returns plain JSON-ready dicts and lists, or raises a ``ServiceError``."""
