"""HTTP routers, one module per resource; each handler parses input and calls one function."""
