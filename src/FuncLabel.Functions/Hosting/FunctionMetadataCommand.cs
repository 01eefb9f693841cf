using FuncLabel.Functions.Declarations;

namespace FuncLabel.Functions.Hosting;

/// <summary>The build step's entry point: <c>FuncLabel.Functions --write-function-metadata DIR</c> writes every function.json and exits.</summary>
public static class FunctionMetadataCommand
{
    public static bool TryRun(string[] args)
    {
        if (args is not ["--write-function-metadata", var folder])
        {
            return false;
        }

        FunctionMetadata.Write(folder, Declarations.Functions.All);
        Console.WriteLine($"wrote {Declarations.Functions.All.Count} function.json files to {folder}");
        return true;
    }
}
