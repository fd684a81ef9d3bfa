// Words the synthetic catalog is made of: realistic enough that full-text search
// has selective and unselective terms to find.

export const DOMAINS = ["sales", "customer", "finance", "marketing", "supply", "risk", "fraud", "claims", "billing", "inventory", "hr", "support", "web", "mobile", "payments", "credit", "churn", "pricing", "logistics", "product"];
export const ENTITIES = ["orders", "events", "accounts", "transactions", "sessions", "invoices", "shipments", "tickets", "profiles", "features", "scores", "labels", "snapshots", "balances", "clicks", "contracts", "returns", "forecasts", "embeddings", "segments"];
export const NAMESPACES = ["lakefs://datalake", "lakefs://features", "lakefs://raw", "bigquery", "snowflake://prod", "postgres://warehouse", "airflow", "spark", "dbt", "flink", "mlflow", "s3://exports"];
export const TAGS = ["pii", "gold", "silver", "bronze", "gdpr", "finance", "critical", "deprecated", "experimental", "daily", "hourly", "streaming", "batch", "certified", "sensitive", "public", "internal", "ml-ready", "curated", "raw"];
export const COLUMN_WORDS = ["id", "customer_id", "order_id", "amount", "currency", "created_at", "updated_at", "status", "country", "email", "phone", "score", "label", "region", "product_id", "quantity", "price", "discount", "channel", "device", "session_id", "event_type", "latitude", "longitude", "segment", "risk_band", "merchant_id", "balance", "tenure_months", "churned"];
export const ADJECTIVES = ["daily", "cleaned", "enriched", "aggregated", "deduplicated", "joined", "normalised", "sampled", "historical", "realtime"];
