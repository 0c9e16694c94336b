-- Sink Atlas store schema, version 1: layer definitions and the history of every feature.
-- Layer tables themselves are made by the store when a layer is created (their columns follow the layer).

CREATE TABLE sa_layers (
    id          text PRIMARY KEY,
    position    integer NOT NULL,
    definition  jsonb NOT NULL,
    -- Bumped by every committed write to the layer, so that every server instance can tell whether
    -- what it cached about the layer (extent, counts) is still current.
    generation  bigint NOT NULL DEFAULT 0
);

CREATE TABLE sa_history (
    id          bigserial PRIMARY KEY,
    layer_id    text NOT NULL,
    fid         bigint NOT NULL,
    version     bigint NOT NULL,
    operation   text NOT NULL CHECK (operation IN ('INSERT', 'UPDATE', 'DELETE')),
    geom        geometry(Geometry, 4326),
    properties  jsonb,
    created     timestamptz,
    at          timestamptz NOT NULL,
    author      text,
    UNIQUE (layer_id, fid, version)
);
