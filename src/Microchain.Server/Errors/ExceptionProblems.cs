using System.Text.Json;
using Microchain.Domain;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Microchain.Server.Errors;

/// <summary>Turns every exception that escapes an endpoint into problem+json; nothing leaks as an HTML page.</summary>
public sealed class ExceptionProblems(ILogger<ExceptionProblems> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, code, title, detail) = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } e => (413, "body-too-large", "The request body is too large", e.Message),
            BadHttpRequestException e when e.InnerException is JsonException j => (400, "malformed-json", "The request body is not valid JSON", j.Message),
            BadHttpRequestException e => (e.StatusCode, "bad-request", "The request is not valid", e.Message),
            JsonException e => (400, "malformed-json", "The request body is not valid JSON", e.Message),
            DomainException e => (400, e.Code, "The request breaks a rule", e.Message),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => (499, "cancelled", "The client went away", null),
            _ => (500, "internal", "An unexpected error occurred", null),
        };
        if (status >= 500) logger.LogError(exception, "unhandled error on {Path}", httpContext.Request.Path);
        if (httpContext.Response.HasStarted) return false;
        httpContext.Response.StatusCode = status;
        await Problems.Create(status, code, title, detail).ExecuteAsync(httpContext);
        return true;
    }
}
