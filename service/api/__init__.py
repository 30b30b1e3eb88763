"""The HTTP API of contract section 4: routers, dependencies, request and response models."""
