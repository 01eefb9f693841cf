namespace FuncLabel.Domain.Scoring;

/// <summary>A matched pair: an index into each input list and the pair's similarity in [0, 1].</summary>
public sealed record InstancePair(int LeftIndex, int RightIndex, double Similarity);
