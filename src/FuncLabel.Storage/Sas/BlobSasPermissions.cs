namespace FuncLabel.Storage.Sas;

/// <summary>What a blob SAS allows. Written in the service's canonical order <c>racwd</c>.</summary>
[Flags]
public enum BlobSasPermissions
{
    /// <summary><c>r</c>: read content, properties and metadata.</summary>
    Read = 1,

    /// <summary><c>a</c>: add a block to an append blob.</summary>
    Add = 2,

    /// <summary><c>c</c>: write a new blob; on Azure, not overwrite an existing one.</summary>
    Create = 4,

    /// <summary><c>w</c>: write or overwrite content, properties, metadata, block list.</summary>
    Write = 8,

    /// <summary><c>d</c>: delete.</summary>
    Delete = 16,
}
