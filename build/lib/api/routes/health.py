"""Liveness and readiness for the process supervisor and load balancer."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy import text

from api.deps import ContainerDep

router = APIRouter()


@router.get("/healthz")
def healthz(container: ContainerDep) -> JSONResponse:
    try:
        with container.factory() as session:
            session.execute(text("SELECT 1"))
        database = "ok"
    except Exception:
        database = "unavailable"
    status = 200 if database == "ok" else 503
    body = {
        "status": "ok" if status == 200 else "degraded",
        "database": database,
        "topics": len(container.librarian.topics),
    }
    return JSONResponse(body, status_code=status)
