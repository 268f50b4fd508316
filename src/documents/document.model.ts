import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsUUID, MaxLength, MinLength } from 'class-validator';
import { DocumentParentType } from './document.enums.js';

@ObjectType('DocumentVersion', { description: 'One upload of a document; replacing a document keeps the old upload as a version' })
export class DocumentVersionModel {
  documentId: string;
  @Field(() => Int, { description: '1 for the first upload' }) version: number;
  @Field() name: string;
  @Field({ description: 'sniffed from the bytes' }) mediaType: string;
  @Field(() => Float, { description: 'bytes' }) size: number;
  @Field({ description: 'SHA-256 of the stored bytes, hex' }) sha256: string;
  @Field({ description: 'when this version was uploaded' }) uploadedAt: Date;
  uploadedById: string | null;
  @Field({ description: 'GET with the bearer token (or without, where the parent is public); answered as an attachment' }) downloadUrl: string;
}

@ObjectType('Document', { description: 'A file on a meeting, agenda item, project profile, webinar or workshop (Sitzungsunterlage)' })
export class DocumentModel {
  @Field(() => ID) id: string;
  @Field(() => DocumentParentType) parentType: DocumentParentType;
  @Field(() => ID) parentId: string;
  @Field({ description: 'the file name, sanitised' }) name: string;
  @Field({ description: 'sniffed from the bytes (one of the allowed types)' }) mediaType: string;
  @Field(() => Float, { description: 'bytes of the current version' }) size: number;
  @Field({ description: 'SHA-256 of the current version, hex' }) sha256: string;
  sha512: string;
  @Field(() => Int) currentVersion: number;
  @Field({ description: 'when the current version was uploaded' }) uploadedAt: Date;
  @Field({ description: 'when the document was first uploaded' }) createdAt: Date;
  uploadedById: string | null;
  @Field({ description: 'the current version; GET answers it as an attachment' }) downloadUrl: string;
  /** May the caller replace, rename or remove it. */
  @Field({ description: 'whether the caller may replace, rename and remove it' }) mayChange: boolean;
}

@InputType()
export class RemoveDocumentInput {
  @Field(() => ID) @IsUUID() documentId: string;
}

@InputType()
export class RenameDocumentInput {
  @Field(() => ID) @IsUUID() documentId: string;
  @Field() @MinLength(1) @MaxLength(500) name: string;
}

@ObjectType('DocumentsOfParent', { description: 'the files of one parent as the caller sees them' })
export class DocumentsOfParentModel {
  @Field(() => DocumentParentType) parentType: DocumentParentType;
  @Field(() => ID) parentId: string;
  @Field({ description: 'whether the caller may upload (POST /documents?parentType=…&parentId=…)' }) mayUpload: boolean;
  @Field(() => [DocumentModel], { description: 'oldest first' }) documents: DocumentModel[];
}
