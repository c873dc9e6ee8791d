import { z } from "zod";

/**
 * Every schema the API answers with, by component name. The OpenAPI document's `components.schemas` is generated
 * from this registry, and the routes validate and type their answers with the very same schemas.
 */
export const apiSchemas = z.registry<{ id: string; description?: string }>();
