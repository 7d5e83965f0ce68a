/// Table definitions (YAML, in the project's `tables/` language) that the cloud billing sample files load into
/// as they are. There are no cloud pipelines yet; these document the columns and their types, and the sample tests
/// load every generated cloud file through them. Copy one into `tables/` when its pipeline is written.
public enum CloudBillingTables {
    /// (file kind under `samples/{org}/cloud/`, table name, YAML).
    public static let all: [(provider: String, table: String, yaml: String)] = [
        ("gcp", "gcp_billing_export_raw", gcp), ("aws", "aws_cur2_raw", aws), ("azure", "azure_cost_details_raw", azure),
        ("oci", "oci_cost_report_raw", oci),
    ]

    public static let gcp = """
        # GCP detailed billing export rows (nested fields flattened: service.id -> service_id; labels, credits as JSON).
        table: gcp_billing_export_raw
        scope: org
        partition: usage_start_time
        cluster: [service_id, project_id]
        fields: [lineage, hierarchy, cloud]
        columns:
          billing_account_id: { type: STRING, required: true }
          service_id: { type: STRING, required: true }
          service_description: STRING
          sku_id: { type: STRING, required: true }
          sku_description: STRING
          usage_start_time: { type: TIMESTAMP, required: true }
          usage_end_time: { type: TIMESTAMP, required: true }
          project_id: STRING
          project_number: STRING
          project_name: STRING
          project_labels: JSON
          labels: JSON
          system_labels: JSON
          location_location: STRING
          location_country: STRING
          location_region: STRING
          location_zone: STRING
          resource_name: STRING
          resource_global_name: STRING
          cost: { type: FLOAT64, required: true }
          currency: { type: STRING, required: true }
          currency_conversion_rate: FLOAT64
          cost_at_list: FLOAT64
          usage_amount: FLOAT64
          usage_unit: STRING
          usage_amount_in_pricing_units: FLOAT64
          usage_pricing_unit: STRING
          price_effective_price: BIGNUMERIC
          price_tier_start_amount: NUMERIC
          price_unit: STRING
          price_pricing_unit_quantity: NUMERIC
          credits: JSON
          invoice_month: STRING
          cost_type: STRING
          transaction_type: STRING
          seller_name: STRING
          export_time: TIMESTAMP
        """

    public static let aws = """
        # AWS CUR 2.0 (Data Exports) rows; product, resource_tags and cost_category maps as JSON; rates are strings.
        table: aws_cur2_raw
        scope: org
        partition: line_item_usage_start_date
        cluster: [line_item_usage_account_id, line_item_product_code]
        fields: [lineage, hierarchy, cloud]
        columns:
          identity_line_item_id: { type: STRING, required: true }
          identity_time_interval: STRING
          bill_bill_type: STRING
          bill_billing_entity: STRING
          bill_billing_period_start_date: TIMESTAMP
          bill_billing_period_end_date: TIMESTAMP
          bill_invoice_id: STRING
          bill_invoicing_entity: STRING
          bill_payer_account_id: { type: STRING, required: true }
          bill_payer_account_name: STRING
          line_item_usage_account_id: { type: STRING, required: true }
          line_item_usage_account_name: STRING
          line_item_line_item_type: { type: STRING, required: true }
          line_item_usage_start_date: { type: TIMESTAMP, required: true }
          line_item_usage_end_date: TIMESTAMP
          line_item_product_code: STRING
          line_item_usage_type: STRING
          line_item_operation: STRING
          line_item_availability_zone: STRING
          line_item_resource_id: STRING
          line_item_usage_amount: FLOAT64
          line_item_normalized_usage_amount: FLOAT64
          line_item_currency_code: STRING
          line_item_unblended_rate: STRING
          line_item_unblended_cost: { type: FLOAT64, required: true }
          line_item_blended_rate: STRING
          line_item_blended_cost: FLOAT64
          line_item_net_unblended_cost: FLOAT64
          line_item_line_item_description: STRING
          line_item_legal_entity: STRING
          pricing_public_on_demand_rate: STRING
          pricing_public_on_demand_cost: FLOAT64
          pricing_term: STRING
          pricing_unit: STRING
          pricing_purchase_option: STRING
          product: JSON
          product_sku: STRING
          product_product_family: STRING
          product_servicecode: STRING
          product_region_code: STRING
          product_instance_type: STRING
          savings_plan_savings_plan_a_r_n: STRING
          savings_plan_savings_plan_rate: STRING
          savings_plan_savings_plan_effective_cost: FLOAT64
          savings_plan_used_commitment: FLOAT64
          savings_plan_total_commitment_to_date: FLOAT64
          resource_tags: JSON
          cost_category: JSON
        """

    public static let azure = """
        # Azure cost details (actual cost, MCA) rows; PascalCase names in snake_case; tags as Azure writes them
        # (a JSON object without its braces), additional_info as JSON.
        table: azure_cost_details_raw
        scope: org
        partition: date
        cluster: [subscription_id, meter_category]
        fields: [lineage, hierarchy, cloud]
        columns:
          date: { type: DATE, required: true }
          billing_period_start_date: DATE
          billing_period_end_date: DATE
          billing_account_id: STRING
          billing_account_name: STRING
          billing_profile_id: STRING
          billing_profile_name: STRING
          invoice_section_id: STRING
          invoice_section_name: STRING
          subscription_id: { type: STRING, required: true }
          subscription_name: STRING
          resource_group_name: STRING
          resource_id: STRING
          resource_location: STRING
          consumed_service: STRING
          meter_id: STRING
          meter_name: STRING
          meter_category: STRING
          meter_subcategory: STRING
          meter_region: STRING
          product_name: STRING
          publisher_name: STRING
          publisher_type: STRING
          charge_type: { type: STRING, required: true }
          frequency: STRING
          pricing_model: STRING
          benefit_id: STRING
          benefit_name: STRING
          quantity: FLOAT64
          unit_of_measure: STRING
          unit_price: BIGNUMERIC
          effective_price: BIGNUMERIC
          payg_price: BIGNUMERIC
          cost_in_billing_currency: { type: BIGNUMERIC, required: true }
          payg_cost_in_billing_currency: BIGNUMERIC
          billing_currency: STRING
          pricing_currency: STRING
          exchange_rate_pricing_to_billing: NUMERIC
          term: INT64
          tags: STRING
          additional_info: JSON
          invoice_id: STRING
        """

    public static let oci = """
        # OCI cost report rows (lineItem/referenceNo -> line_item_reference_no; tags/* collected into one JSON object).
        table: oci_cost_report_raw
        scope: org
        partition: line_item_interval_usage_start
        cluster: [product_service, product_compartment_id]
        fields: [lineage, hierarchy, cloud]
        columns:
          line_item_reference_no: { type: STRING, required: true }
          line_item_tenant_id: { type: STRING, required: true }
          line_item_interval_usage_start: { type: TIMESTAMP, required: true }
          line_item_interval_usage_end: TIMESTAMP
          product_service: STRING
          product_resource: STRING
          product_compartment_id: STRING
          product_compartment_name: STRING
          product_region: STRING
          product_availability_domain: STRING
          product_resource_id: STRING
          product_description: STRING
          usage_billed_quantity: FLOAT64
          usage_billed_quantity_overage: FLOAT64
          cost_subscription_id: STRING
          cost_product_sku: STRING
          cost_unit_price: BIGNUMERIC
          cost_unit_price_overage: BIGNUMERIC
          cost_my_cost: { type: BIGNUMERIC, required: true }
          cost_my_cost_overage: BIGNUMERIC
          cost_currency_code: STRING
          cost_billing_unit_readable: STRING
          cost_sku_unit_description: STRING
          cost_overage_flag: STRING
          line_item_is_correction: BOOL
          line_item_backreference_no: STRING
          tags: JSON
        """
}
