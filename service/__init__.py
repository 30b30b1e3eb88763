"""The flag service: FastAPI app, storage, auth and the advisors' pages."""
