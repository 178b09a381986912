using System.Security.Claims;
using MeetingRoom.Domain.Common;
using MeetingRoom.Web.Features.Notifications;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Identity;
using MeetingRoom.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace MeetingRoom.Web.Components.Shared;

/// <summary>
/// Base of the member and admin pages: the signed-in member as a domain <see cref="Actor"/>, service
/// calls in their own scope (<see cref="ServiceRunner"/>), snackbars, a busy flag per action, and an
/// optional per-second tick from the injected <see cref="TimeProvider"/> (so a test clock drives it).
/// </summary>
public abstract class AppPageBase : ComponentBase, IDisposable
{
    private ITimer? _ticker;
    private readonly HashSet<string> _busy = [];

    [Inject] protected ServiceRunner Runner { get; set; } = default!;
    [Inject] protected ISnackbar Notes { get; set; } = default!;
    [Inject] protected IDialogService Dialogs { get; set; } = default!;
    [Inject] protected TimeProvider Clock { get; set; } = default!;
    [Inject] protected ILoggerFactory LoggerFactory { get; set; } = default!;
    [Inject] private NotificationNotifier InboxNotifier { get; set; } = default!;
    [Inject] private IStringLocalizer<AppPageBase> BaseText { get; set; } = default!;

    private IDisposable? _inboxSubscription;

    [CascadingParameter] private Task<AuthenticationState>? AuthState { get; set; }

    /// <summary>The signed-in user (set before <see cref="OnPageInitializedAsync"/>).</summary>
    protected ClaimsPrincipal User { get; private set; } = new();
    protected Actor Me { get; private set; } = Actor.Member("");
    protected string MyName { get; private set; } = "";

    /// <summary>Now (UTC), refreshed on every tick.</summary>
    protected DateTimeOffset Now { get; set; }

    protected bool Disposed { get; private set; }

    protected sealed override async Task OnInitializedAsync()
    {
        Now = Clock.GetUtcNow();
        if (AuthState is not null)
        {
            User = (await AuthState).User;
            if (User.Identity?.IsAuthenticated == true)
            {
                Me = User.ToActor();
                MyName = User.DisplayName();
            }
        }
        await OnPageInitializedAsync();
    }

    /// <summary>The page's own initialisation (load its data).</summary>
    protected virtual Task OnPageInitializedAsync() => Task.CompletedTask;

    /// <summary>
    /// Starts a tick every second of <see cref="Clock"/> (only when interactive): <see cref="Now"/> is
    /// updated, <paramref name="onTick"/> runs on the renderer, then the page re-renders.
    /// </summary>
    protected void StartTicking(Func<Task>? onTick = null)
    {
        if (!RendererInfo.IsInteractive || _ticker is not null || Disposed) return; // disposed while loading: start nothing
        var culture = UiCulture.Current; // the timer calls back on another thread: render in the member's language
        _ticker = Clock.CreateTimer(_ => _ = InvokeAsync(async () =>
        {
            if (Disposed) return;
            culture.Apply();
            Now = Clock.GetUtcNow();
            try
            {
                if (onTick is not null) await onTick();
            }
            catch (Exception e)
            {
                LoggerFactory.CreateLogger(GetType()).LogWarning(e, "A page tick failed.");
            }
            StateHasChanged();
        }), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    /// <summary>Whether the action named <paramref name="key"/> is running (its button shows a spinner).</summary>
    protected bool IsBusy(string key) => _busy.Contains(key);

    protected bool AnyBusy => _busy.Count > 0;

    /// <summary>
    /// Runs a user action once at a time per <paramref name="key"/>, with a busy indicator; an
    /// unexpected exception becomes a snackbar (never an error page).
    /// </summary>
    protected async Task RunActionAsync(string key, Func<Task> action)
    {
        if (!_busy.Add(key)) return;
        StateHasChanged();
        try
        {
            await action();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LoggerFactory.CreateLogger(GetType()).LogError(e, "UI action {Action} failed.", key);
            Notes.ShowFailure();
        }
        finally
        {
            _busy.Remove(key);
            if (!Disposed) StateHasChanged();
        }
    }

    /// <summary>Calls a service that answers with a problem or a value, retrying "too many requests" with a "Busy — retrying…" snackbar.</summary>
    protected Task<AppResult<T>> CallAsync<TService, T>(Func<TService, Task<AppResult<T>>> work) where TService : notnull =>
        Runner.RunWithRetryAsync(work, _ =>
        {
            Notes.ShowBusy();
            return Task.CompletedTask;
        });

    /// <summary>
    /// Asks before a destructive action (cancel, delete, out of service): a dialog with the consequences in
    /// <paramref name="message"/>; true only when the member chose <paramref name="yes"/>. <paramref name="no"/> is
    /// "Keep it" in the member's language when not given.
    /// </summary>
    protected async Task<bool> ConfirmAsync(string title, string message, string yes, string? no = null) =>
        await Dialogs.ShowMessageBoxAsync(title, message, yesText: yes, cancelText: no ?? BaseText["KeepIt"],
            options: new DialogOptions { CloseOnEscapeKey = true, MaxWidth = MaxWidth.ExtraSmall, FullWidth = true }) == true;

    /// <summary>Reads through a service in its own scope.</summary>
    protected Task<T> QueryAsync<TService, T>(Func<TService, Task<T>> work) where TService : notnull => Runner.RunAsync(work);

    /// <summary>
    /// Runs <paramref name="reload"/> (then re-renders) whenever the signed-in member's notifications
    /// change, e.g. an admin cancelled one of their bookings. Only when interactive; undone on dispose.
    /// </summary>
    protected void ReloadOnMyNotifications(Func<Task> reload)
    {
        if (!RendererInfo.IsInteractive || _inboxSubscription is not null || Disposed || string.IsNullOrEmpty(Me.Id.Value)) return;
        var culture = UiCulture.Current; // the push calls back on another thread: render in the member's language
        _inboxSubscription = InboxNotifier.Subscribe(Me.Id.Value, () => InvokeAsync(async () =>
        {
            if (Disposed) return;
            culture.Apply();
            await reload();
            StateHasChanged();
        }));
    }

    public void Dispose()
    {
        Disposed = true;
        _ticker?.Dispose();
        _inboxSubscription?.Dispose();
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing) { }
}
