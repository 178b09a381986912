namespace MeetingRoom.Tests.Deploy;

/// <summary>How metric names are read out of PromQL and a scrape (the helper the dashboard and alert tests rely on).</summary>
public sealed class PromQlMetricNamesTests
{
    [Fact]
    public void Names_are_taken_from_promql_without_functions_labels_or_variables()
    {
        var names = PromQlMetricNames.InExpression(
            "histogram_quantile(0.99, sum by (le, http_route) (rate(http_server_request_duration_seconds_bucket{instance=~\"$instance\", " +
            "http_response_status_code=~\"5..\"}[$__rate_interval]))) / on (instance) group_left sum(meetingroom_outbox_lag_seconds) " +
            "+ dotnet_process_memory_working_set_bytes + up{job=\"meetingroom\"}");

        Assert.Equal(["dotnet_process_memory_working_set_bytes", "http_server_request_duration_seconds_bucket", "meetingroom_outbox_lag_seconds"],
            names.Order());
    }

    [Fact]
    public void Rule_expressions_are_read_on_one_line_and_in_folded_blocks()
    {
        const string rules = """
            groups:
              - name: g
                rules:
                  - alert: A
                    expr: max by (handler) (meetingroom_outbox_lag_seconds) > 10
                    for: 1m
                  - alert: B
                    expr: >-
                      sum (rate(meetingroom_email_failures_total[5m]))
                      > 0
                    labels:
                      severity: page
            """;

        Assert.Equal(["max by (handler) (meetingroom_outbox_lag_seconds) > 10", "sum (rate(meetingroom_email_failures_total[5m])) > 0"],
            PromQlMetricNames.RuleExpressions(rules));
    }

    [Fact]
    public void Scrape_names_are_the_sample_names_without_comments()
    {
        const string scrape = """
            # TYPE meetingroom_bookings_total counter
            # HELP meetingroom_bookings_total Booking requests answered
            meetingroom_bookings_total{result="created"} 3 1700000000000
            meetingroom_push_latency_seconds_bucket{le="0.005"} 1
            target_info 1
            """;

        Assert.Equal(["meetingroom_bookings_total", "meetingroom_push_latency_seconds_bucket", "target_info"], PromQlMetricNames.InScrape(scrape).Order());
    }
}
