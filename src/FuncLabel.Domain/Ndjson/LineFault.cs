namespace FuncLabel.Domain.Ndjson;

/// <summary>Why a line was refused, before the line number and uuid are attached.</summary>
internal readonly record struct LineFault(string Field, NdjsonErrorReason Reason, string Message);
