/** The simulator's wire protocols: AWS Query (awsQuery and ec2Query) and JSON 1.0. */
export { SimServiceError, simError, isSimServiceError, type SimErrorShape } from './errors';
export { parseFormEncoded } from './form';
export {
  parseQueryRequest,
  queryXmlResponse,
  queryErrorResponse,
  ec2XmlResponse,
  ec2ErrorResponse,
  type QueryRequest,
} from './query';
export { decodeQueryInput, type QueryFlavour } from './query-input';
export { encodeXmlMembers, xmlEscape } from './xml-output';
export {
  createQueryHandler,
  defineOperation,
  requireQueryParams,
  type OperationCall,
  type SchemaOperation,
} from './query-dispatch';
export { createJsonHandler, jsonResponse, jsonErrorResponse, requireJsonParams } from './json';
export { decodeJsonInput } from './json-input';
