-- cloudact:0.1.0:sha256:6bbb1198386f082b9285382e0f67f6529c84899da21759f6c5c23ad1a3bcd20b
-- Pipeline genai_payg_anthropic: Anthropic PAYG usage, cost and FOCUS
-- Run by the runtime with query parameters @org_slug @pipeline_id @credential_id @run_id @run_date and the $variables it passes.

-- step extract_usage
-- load file samples/{org}/anthropic/usage_{date}.jsonl (jsonl) into genai_payg_usage_raw; run by the runtime

-- step price_usage
CALL `cloudact-example.acme_prod.sp_genai_payg_price_usage`(@org_slug, @pipeline_id, @credential_id, @run_id, @run_date, @date);

-- step convert_to_focus
CALL `cloudact-example.acme_prod.sp_genai_payg_to_focus`(@org_slug, @pipeline_id, @credential_id, @run_id, @run_date, @date);
