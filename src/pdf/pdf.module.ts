import { Global, Module } from '@nestjs/common';
import { PdfRenderer } from './pdf-renderer.js';

/** The PDF renderer for every room that hands out documents (protocols, strategies, certificates). */
@Global()
@Module({ providers: [PdfRenderer], exports: [PdfRenderer] })
export class PdfModule {}
