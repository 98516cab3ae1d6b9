"""Python tools of the market_sizing warehouse (the dbt project sits at the repository root)."""
