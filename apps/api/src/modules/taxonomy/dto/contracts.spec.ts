import { readFileSync } from 'node:fs';
import type {
  FieldCreate,
  FieldNode,
  FieldUpdate,
  SynonymGroup,
  SynonymGroupUpdate,
  SynonymList,
  SynonymTermsInput,
  SynonymsReplaceInput,
} from '@xkx/contracts';
import { exact, uncheckedContracts } from '../../../common/contracts/contract-check';
import type {
  CreateFieldDto,
  CreateSynonymGroupDto,
  FieldNodeDto,
  ReplaceSynonymsDto,
  SynonymGroupDto,
  SynonymGroupResponseDto,
  SynonymListDto,
  UpdateFieldDto,
  UpdateSynonymGroupDto,
} from './taxonomy.dto';

// Each DTO is the same shape as its contract (the typecheck target compiles this file; see contract-check.ts).
exact<FieldNodeDto, FieldNode>(true);
exact<CreateFieldDto, FieldCreate>(true);
exact<UpdateFieldDto, FieldUpdate>(true);
exact<SynonymGroupDto, SynonymTermsInput>(true);
exact<ReplaceSynonymsDto, SynonymsReplaceInput>(true);
exact<SynonymGroupResponseDto, SynonymGroup>(true);
exact<SynonymListDto, SynonymList>(true);
exact<CreateSynonymGroupDto, SynonymTermsInput>(true);
exact<UpdateSynonymGroupDto, SynonymGroupUpdate>(true);

describe('taxonomy/dto DTOs and their contracts', () => {
  it('checks every DTO that implements a contract', () => {
    expect(uncheckedContracts(__dirname, readFileSync(__filename, 'utf8'))).toEqual([]);
  });
});
