using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MeetingRoom.Tests.Support;

/// <summary>An HTTP answer reduced to what burst tests count: the status and, for a problem, its type code.</summary>
public readonly record struct Answer(HttpStatusCode Status, string? Problem)
{
    public bool Is(HttpStatusCode status, string? problem = null) => Status == status && (problem is null || Problem == problem);
}

/// <summary>Truly concurrent requests: each waits on one gate, which is opened once all are ready to go.</summary>
public static class Burst
{
    public static async Task<Answer[]> RunAsync(IEnumerable<Func<Task<HttpResponseMessage>>> requests)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = requests.Select(send => Task.Run(async () =>
        {
            await gate.Task;
            return await AnswerOf(await send());
        })).ToArray();
        gate.SetResult();
        return await Task.WhenAll(running);
    }

    public static async Task<Answer> AnswerOf(HttpResponseMessage response)
    {
        string? problem = null;
        if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
            problem = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString()?.Replace("urn:meetingroom:problem:", "");
        return new Answer(response.StatusCode, problem);
    }
}
