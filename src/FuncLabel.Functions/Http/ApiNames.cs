using System.Text.Json;
using FuncLabel.Domain.Serialization;

namespace FuncLabel.Functions.Http;

/// <summary>An enum value as the API spells it (lower snake_case), for dictionary keys and free-text fields.</summary>
internal static class ApiNames
{
    public static string Of<T>(T value)
        where T : struct, Enum => JsonSerializer.Serialize(value, FuncLabelJson.Options).Trim('"');
}
