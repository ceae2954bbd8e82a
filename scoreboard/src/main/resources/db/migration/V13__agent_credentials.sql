-- The host agents a game master issued a credential to (docs/agent.md, "Credentials"): each agent
-- authenticates the agent endpoints (/api/agent/v1/) with its own credential, of which only the
-- SHA-256 is kept; a revoked one is refused. Issuing a revoked name again replaces its credential.
CREATE TABLE chaos_agent (
  name             VARCHAR(100) NOT NULL PRIMARY KEY,
  credential_hash  VARCHAR(64)  NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by       VARCHAR(200) NOT NULL,
  revoked          BOOLEAN      DEFAULT FALSE NOT NULL,
  CONSTRAINT chaos_agent_credential UNIQUE (credential_hash)
);
