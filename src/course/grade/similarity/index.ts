// The similarity report (Dolos): leads for the instructor, never a score.
export { similarityReport, type SimilarityReport, type SimilarityReportOptions } from "./report";
export { similarPairs, type SimilarPair, type SharedFragment, type SimilarityOptions } from "./analyze";
export {
  studentDocuments,
  stubDocument,
  joinFiles,
  locate,
  type StudentDocument,
  type DocumentPart,
} from "./documents";
export { similarityCsv } from "./report-csv";
export { similarityHtml, type SimilarityHtmlOptions } from "./report-html";
