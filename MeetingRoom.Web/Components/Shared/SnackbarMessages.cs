using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Localization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace MeetingRoom.Web.Components.Shared;

/// <summary>
/// The snackbars the pages show (presentation only): a problem, a success, an unexpected failure, a retry under
/// load, in the current UI culture. Extension methods on MudBlazor's <see cref="ISnackbar"/>; texts from
/// <c>Resources/Components/Shared/SnackbarMessages.resx</c> (and <c>.ko.resx</c>) through the resource-manager
/// localizer, created once.
/// </summary>
public static class SnackbarMessages
{
    /// <summary>The texts (keys of <c>SnackbarMessages.resx</c>).</summary>
    private static readonly IStringLocalizer L = StaticLocalizers.For(typeof(SnackbarMessages));

    /// <summary>What the member is told when someone else booked the slot first.</summary>
    public static string JustTaken => L["JustTaken"];
    /// <summary>The summary of the snackbar shown while an overloaded call is retried.</summary>
    public static string Busy => L["Busy"];

    /// <summary>Shows a problem as a snackbar (its Detail); slot-taken gets the friendly wording.</summary>
    public static void ShowProblem(this ISnackbar snackbar, AppProblem problem) =>
        snackbar.Show(problem.Code is ProblemCodes.SlotTaken or ProblemCodes.NotOpenYet ? Severity.Info : Severity.Warning,
            problem.Code == ProblemCodes.SlotTaken ? L["JustTakenTitle"] : problem.Title,
            problem.Code == ProblemCodes.SlotTaken ? JustTaken : problem.Detail);

    /// <summary>Shows a success snackbar: a bold summary and an optional detail line (texts already in the member's language).</summary>
    public static void ShowSuccess(this ISnackbar snackbar, string summary, string detail = "") =>
        snackbar.Show(Severity.Success, summary, detail);

    /// <summary>For an unexpected failure: a snackbar, never an error page.</summary>
    public static void ShowFailure(this ISnackbar snackbar) =>
        snackbar.Show(Severity.Error, L["FailureTitle"], L["FailureDetail"]);

    /// <summary>Tells the member that an overloaded call is being retried.</summary>
    public static void ShowBusy(this ISnackbar snackbar) =>
        snackbar.Show(Severity.Info, Busy, L["BusyDetail"], 2500);

    /// <summary>A snackbar with a bold summary and a detail line (announced: MudBlazor's snackbars are a live region).</summary>
    private static void Show(this ISnackbar snackbar, Severity severity, string summary, string detail, int? milliseconds = null) =>
        snackbar.Add(builder =>
        {
            builder.OpenElement(0, "strong");
            builder.AddContent(1, summary);
            builder.CloseElement();
            if (detail.Length > 0)
            {
                builder.OpenElement(2, "span");
                builder.AddAttribute(3, "class", "snackbar-detail");
                builder.AddContent(4, detail);
                builder.CloseElement();
            }
        }, severity, o =>
        {
            if (milliseconds is { } ms) o.VisibleStateDuration = ms;
        });
}
