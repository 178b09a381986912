using System.Globalization;
using CsvHelper;
using MeetingRoom.Domain.Scheduling;

namespace MeetingRoom.Web.Features.Insights;

/// <summary>
/// One table of an <see cref="InsightsReport"/> as CSV (issue 23), written with CsvHelper: UTF-8 with a byte order mark
/// (so Excel reads Korean), CRLF, headers in the current UI culture (<see cref="InsightsText"/>), numbers in invariant
/// culture (hours and rates as decimals, rates 0–1), an empty cell for a null figure, dates <c>yyyy-MM-dd</c> and
/// times <c>HH:mm</c> site-local (opening instants <c>yyyy-MM-dd HH:mm:ss</c> in the site's zone). Text cells that start
/// with <c>= + - @</c>, a tab or a CR are prefixed with a single quote (<see cref="CsvInjection.Escape"/>: a
/// spreadsheet shows them as text instead of running a formula); numbers are written as numbers (a floor of -1 stays -1).
/// </summary>
public static class InsightsCsv
{
    /// <summary>The query values of <c>?table=</c>, by table.</summary>
    public static readonly IReadOnlyDictionary<string, InsightsTable> Tables = new Dictionary<string, InsightsTable>(StringComparer.OrdinalIgnoreCase)
    {
        ["rooms"] = InsightsTable.Rooms,
        ["floors"] = InsightsTable.Floors,
        ["heatmap"] = InsightsTable.Heatmap,
        ["opening-demand"] = InsightsTable.OpeningDemand,
        ["openings"] = InsightsTable.Openings,
        ["capacity-fit"] = InsightsTable.CapacityFit,
    };

    /// <summary>The query value of <paramref name="table"/> (e.g. "opening-demand").</summary>
    public static string NameOf(InsightsTable table) => Tables.First(t => t.Value == table).Key;

    /// <summary>The file name of a table's export: <c>insights-{table}-{from}-{to}.csv</c>.</summary>
    public static string FileName(InsightsTable table, InsightsFilter filter) =>
        $"insights-{NameOf(table)}-{filter.From:yyyy-MM-dd}-{filter.To:yyyy-MM-dd}.csv";

    /// <summary>The table as a CSV file (see the class summary).</summary>
    public static byte[] Write(InsightsReport report, InsightsTable table)
    {
        using var output = new MemoryStream();
        var options = new CsvWriterOptions { Injection = CsvInjection.Escape, WriteByteOrderMark = true, FormatProvider = CultureInfo.InvariantCulture };
        using (var csv = CsvWriter.Create(output, options, leaveOpen: true))
        {
            switch (table)
            {
                case InsightsTable.Rooms:
                    Header(csv, "ColRoomId", "ColRoom", "ColFloor", "ColBookedHours", "ColBookableHours", "ColUtilization");
                    foreach (var r in report.Utilization.Rooms)
                    {
                        csv.WriteField(r.RoomId, ""); csv.WriteField(r.Name); csv.WriteField(r.Floor, "");
                        csv.WriteField(r.BookedHours, ""); csv.WriteField(r.BookableHours, ""); csv.WriteField(r.Rate, "");
                        csv.EndRecord();
                    }
                    break;
                case InsightsTable.Floors:
                    Header(csv, "ColFloor", "ColBookedHours", "ColBookableHours", "ColUtilization");
                    foreach (var f in report.Utilization.Floors)
                    {
                        csv.WriteField(f.Floor, ""); csv.WriteField(f.BookedHours, ""); csv.WriteField(f.BookableHours, ""); csv.WriteField(f.Rate, "");
                        csv.EndRecord();
                    }
                    break;
                case InsightsTable.Heatmap:
                    Header(csv, "ColWeekday", "ColPeriodStart", "ColBookedHours", "ColBookableHours", "ColUtilization");
                    foreach (var c in report.Heatmap)
                    {
                        csv.WriteField(c.Weekday, ""); csv.WriteField(c.PeriodStart, "HH:mm"); csv.WriteField(c.BookedHours, "");
                        csv.WriteField(c.BookableHours, ""); csv.WriteField(c.Rate, "");
                        csv.EndRecord();
                    }
                    break;
                case InsightsTable.OpeningDemand:
                    Header(csv, "ColRoomId", "ColRoom", "ColFloor", "ColPeriodStart", "ColOpenings", "ColAttempts", "ColWinners", "ColLosers",
                        "ColWaitlistJoins", "ColMedianSecondsToTaken");
                    foreach (var d in report.OpeningDemand.ByRoomPeriod)
                    {
                        csv.WriteField(d.RoomId, ""); csv.WriteField(d.RoomName); csv.WriteField(d.Floor, ""); csv.WriteField(d.PeriodStart, "HH:mm");
                        csv.WriteField(d.Openings, ""); csv.WriteField(d.Attempts, ""); csv.WriteField(d.Winners, ""); csv.WriteField(d.Losers, "");
                        csv.WriteField(d.WaitlistJoins, ""); csv.WriteField(d.MedianSecondsToTaken, "");
                        csv.EndRecord();
                    }
                    break;
                case InsightsTable.Openings:
                    Header(csv, "ColOpensAt", "ColSlots", "ColTaken", "ColSecondsUntilLastTaken");
                    var zone = SiteClock.TryFindZone(report.TimeZone, out var z) ? z : TimeZoneInfo.Utc;
                    foreach (var o in report.OpeningDemand.Openings)
                    {
                        csv.WriteField(SiteClock.ToLocal(o.OpensAt, zone).DateTime, "yyyy-MM-dd HH:mm:ss");
                        csv.WriteField(o.Slots, ""); csv.WriteField(o.Taken, ""); csv.WriteField(o.SecondsUntilLastTaken, "");
                        csv.EndRecord();
                    }
                    break;
                case InsightsTable.CapacityFit:
                    Header(csv, "ColRoomId", "ColRoom", "ColFloor", "ColCapacity", "ColBookingsWithAttendees", "ColMedianAttendees", "ColFit");
                    foreach (var c in report.CapacityFit)
                    {
                        csv.WriteField(c.RoomId, ""); csv.WriteField(c.Name); csv.WriteField(c.Floor, ""); csv.WriteField(c.Capacity, "");
                        csv.WriteField(c.BookingsWithAttendees, ""); csv.WriteField(c.MedianAttendees, ""); csv.WriteField(c.Fit, "");
                        csv.EndRecord();
                    }
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(table), table, null);
            }
            csv.Flush();
        }
        return output.ToArray();
    }

    private static void Header(CsvWriter csv, params string[] keys) => csv.WriteHeader(keys.Select(k => InsightsText.Get(k)).ToArray());
}
