"""khabar serve: a read-only REST API over a store and an offline dashboard, both from one FastAPI app."""
