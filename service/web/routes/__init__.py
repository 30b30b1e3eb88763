"""The pages' routers: sign-in, the triage queue, the case page, insights."""
