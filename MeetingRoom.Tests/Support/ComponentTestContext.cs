using Bunit;
using MudBlazor.Services;
using Microsoft.Extensions.DependencyInjection;
using MeetingRoom.Web.Localization;

namespace MeetingRoom.Tests.Support;

/// <summary>
/// A bunit context with MudBlazor's services and loose JS interop (MudBlazor calls JS that bunit does not
/// run). MudBlazor's services are only IAsyncDisposable, so xunit 2 disposes the context asynchronously.
/// </summary>
public abstract class ComponentTestContext : BunitContext, IAsyncLifetime
{
    protected ComponentTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSiteLocalization(); // IStringLocalizer<T> over the app's resources, SiteFormat
        Services.AddMudTexts(); // MudBlazor's own texts from our resources
    }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public new virtual Task DisposeAsync() => base.DisposeAsync().AsTask();
}
