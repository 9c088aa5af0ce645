import { SimServiceError } from '../../core/sim-error';

/** `NoSuchBucket` (404). */
export function noSuchBucket(bucket: string): SimServiceError {
  return new SimServiceError('NoSuchBucket', 'The specified bucket does not exist', 404, {
    fields: { BucketName: bucket },
  });
}

/** `NoSuchKey` (404), with the delete-marker headers when the current version is one. */
export function noSuchKey(key: string, deleteMarkerVersionId?: string): SimServiceError {
  return new SimServiceError('NoSuchKey', 'The specified key does not exist.', 404, {
    fields: { Key: key },
    ...(deleteMarkerVersionId
      ? { headers: { 'x-amz-delete-marker': 'true', 'x-amz-version-id': deleteMarkerVersionId } }
      : {}),
  });
}

/** `NoSuchVersion` (404). */
export function noSuchVersion(key: string, versionId: string): SimServiceError {
  return new SimServiceError('NoSuchVersion', 'The specified version does not exist.', 404, {
    fields: { Key: key, VersionId: versionId },
  });
}

/** `InvalidArgument` (400) naming the argument. */
export function invalidArgument(message: string, name: string, value: string): SimServiceError {
  return new SimServiceError('InvalidArgument', message, 400, {
    fields: { ArgumentName: name, ArgumentValue: value },
  });
}

/** `InvalidObjectState` (403): the operation is not valid for the object's storage class or state. */
export function invalidObjectState(message: string, storageClass: string): SimServiceError {
  return new SimServiceError('InvalidObjectState', message, 403, {
    fields: { StorageClass: storageClass },
  });
}

/** `MalformedXML` (400). */
export function malformedXml(): SimServiceError {
  return new SimServiceError(
    'MalformedXML',
    'The XML you provided was not well-formed or did not validate against our published schema',
    400,
  );
}
