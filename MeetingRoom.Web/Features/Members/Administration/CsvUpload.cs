using MeetingRoom.Web.Infrastructure.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace MeetingRoom.Web.Features.Members.Administration;

/// <summary>
/// Reads an uploaded CSV file from a request, bounded: the body itself (<c>text/csv</c>, <c>text/plain</c>,
/// <c>application/csv</c>, <c>application/vnd.ms-excel</c>, <c>application/octet-stream</c>) or the first file of a
/// <c>multipart/form-data</c> form. A file over <see cref="MemberCsv.MaxFileBytes"/> is refused with 413 as soon as its
/// size is known (a declared <c>Content-Length</c>, else while reading), never read whole; Kestrel's own body limit
/// (30 MB by default) is larger and answers 413 too. Problems: http-413, http-415, invalid-input (no file in the form).
/// </summary>
public static class CsvUpload
{
    /// <summary>What a multipart form may add around the file (headers, boundaries, other small fields).</summary>
    private const int FormOverhead = 64 * 1024;

    private static readonly string[] CsvTypes =
        ["text/csv", "text/plain", "application/csv", "text/comma-separated-values", "application/vnd.ms-excel", "application/octet-stream"];

    /// <summary>The request body of the OpenAPI document: the CSV text itself, or a form with the file.</summary>
    public static Microsoft.OpenApi.OpenApiRequestBody OpenApiBody()
    {
        var text = new Microsoft.OpenApi.OpenApiMediaType { Schema = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String } };
        var content = CsvTypes.ToDictionary(t => t, _ => text);
        content["multipart/form-data"] = new Microsoft.OpenApi.OpenApiMediaType
        {
            Schema = new Microsoft.OpenApi.OpenApiSchema
            {
                Type = Microsoft.OpenApi.JsonSchemaType.Object,
                Properties = new Dictionary<string, Microsoft.OpenApi.IOpenApiSchema>
                {
                    ["file"] = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String, Format = "binary" },
                },
            },
        };
        return new Microsoft.OpenApi.OpenApiRequestBody { Required = true, Content = content };
    }

    /// <summary>The file of the request (see the class summary).</summary>
    public static async Task<AppResult<ReadOnlyMemory<byte>>> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || type.MediaType.Value is not { } media)
            return UnsupportedType();
        if (media.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            if (request.ContentLength > MemberCsv.MaxFileBytes + FormOverhead) return TooLarge();
            return await ReadFormFileAsync(request, type, ct);
        }
        if (!CsvTypes.Contains(media, StringComparer.OrdinalIgnoreCase)) return UnsupportedType();
        if (request.ContentLength > MemberCsv.MaxFileBytes) return TooLarge();
        return Bounded(await ReadBoundedAsync(request.Body, MemberCsv.MaxFileBytes, ct));
    }

    private static async Task<AppResult<ReadOnlyMemory<byte>>> ReadFormFileAsync(HttpRequest request, MediaTypeHeaderValue type, CancellationToken ct)
    {
        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        if (string.IsNullOrWhiteSpace(boundary)) return NoFile();
        var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = MemberCsv.MaxFileBytes + FormOverhead };
        try
        {
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !(disposition.FileName.HasValue || disposition.FileNameStar.HasValue))
                    continue;
                return Bounded(await ReadBoundedAsync(section.Body, MemberCsv.MaxFileBytes, ct));
            }
        }
        catch (InvalidDataException e) when (e.Message.Contains("length limit", StringComparison.OrdinalIgnoreCase))
        {
            return TooLarge();
        }
        catch (IOException)
        {
            return NoFile(); // a form that ends early or is not a form
        }
        catch (InvalidDataException)
        {
            return NoFile();
        }
        return NoFile();
    }

    /// <summary>The stream's bytes, or null when there are more than <paramref name="limit"/>.</summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadBoundedAsync(Stream body, int limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    private static AppResult<ReadOnlyMemory<byte>> Bounded(ReadOnlyMemory<byte>? bytes) => bytes is { } b ? b : TooLarge();

    private static AppProblem TooLarge() => new(ProblemCodes.PayloadTooLarge, 413, ProblemText.Get("Status413"),
        MemberProblems.Get("FileTooLarge", MemberCsv.MaxFileBytes / (1024 * 1024)));

    private static AppProblem UnsupportedType() => new(ProblemCodes.UnsupportedMediaType, 415, ProblemText.Get("Status415"),
        MemberProblems.Get("CsvContentType"));

    private static AppProblem NoFile() => AppProblem.Invalid("file", MemberProblems.Get("CsvNoFile"));
}
