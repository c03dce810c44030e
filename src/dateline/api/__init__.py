"""The HTTP face: a FastAPI app over the service functions (``dateline serve``)."""
